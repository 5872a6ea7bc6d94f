package dev.sift.bot.cli;

import dev.sift.bot.config.SiftConfig;
import picocli.CommandLine.Option;

/** {@code --workspace-domain}, for commands that print permalinks. */
final class DomainOption {
  @Option(
      names = "--workspace-domain",
      paramLabel = "NAME",
      description = "The workspace's domain (acme for acme.slack.com), for permalinks.")
  String domain;

  /** The config with this domain, when one was given. */
  SiftConfig applyTo(SiftConfig config) {
    return domain == null ? config : config.withWorkspaceDomain(domain);
  }
}
