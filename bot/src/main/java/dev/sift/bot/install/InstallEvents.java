package dev.sift.bot.install;

/**
 * Where installs and uninstalls are recorded beyond the log: the seam for the audit trail. The
 * default records nothing more.
 */
public interface InstallEvents {
  InstallEvents NONE =
      new InstallEvents() {
        @Override
        public void installed(Installation installation) {}

        @Override
        public void uninstalled(String teamId, String why) {}

        @Override
        public void forgotten(String teamId) {}
      };

  /** Sift was installed (or installed again) in a workspace or org. */
  void installed(Installation installation);

  /**
   * A workspace's tokens were deleted: {@code why} is {@code app_uninstalled} or {@code
   * tokens_revoked}.
   */
  void uninstalled(String teamId, String why);

  /** A workspace's documents and state were deleted after the grace period. */
  void forgotten(String teamId);
}
