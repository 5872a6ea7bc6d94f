package dev.sift.bot.cli;

import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command shares: where the config and the data live. */
final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default: $SIFT_CONFIG, else ./sift.yml when present).")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory for the index (default: $SIFT_DATA, else data_dir from the"
              + " config, else ./sift-data).")
  Path data;

  /** The config file these options and the environment point at; empty for the defaults. */
  Optional<Path> configFile() {
    if (config != null) {
      return Optional.of(config);
    }
    if (System.getenv("SIFT_CONFIG") != null) {
      return Optional.of(Path.of(System.getenv("SIFT_CONFIG")));
    }
    return Files.isRegularFile(Path.of("sift.yml"))
        ? Optional.of(Path.of("sift.yml"))
        : Optional.empty();
  }

  /** The configuration these options and the environment point at. */
  SiftConfig resolve() {
    SiftConfig loaded = configFile().map(ConfigLoader::load).orElseGet(SiftConfig::defaults);
    if (data != null) {
      return loaded.withDataDir(data);
    }
    if (System.getenv("SIFT_DATA") != null) {
      return loaded.withDataDir(Path.of(System.getenv("SIFT_DATA")));
    }
    return loaded;
  }
}
