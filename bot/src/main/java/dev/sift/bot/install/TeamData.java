package dev.sift.bot.install;

/**
 * What Sift keeps about one workspace beyond its tokens (indexed messages, cards, corrections,
 * schedules' state), deleted when a workspace that uninstalled Sift did not come back within the
 * grace period. The seam {@code sift purge --team} plugs into as well.
 */
@FunctionalInterface
public interface TeamData {
  /** Deletes everything kept about the workspace. */
  void forget(String teamId);
}
