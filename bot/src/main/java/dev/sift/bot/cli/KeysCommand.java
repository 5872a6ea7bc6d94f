package dev.sift.bot.cli;

import dev.sift.bot.install.InstallationStore;
import dev.sift.bot.install.KeyRotation;
import dev.sift.bot.install.TokenKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sift keys rotate}: the installation store's encryption key. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    header = "Manage the key that encrypts stored Slack tokens.",
    subcommands = {KeysCommand.Rotate.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      header = "Re-encrypt every stored installation with a new key.",
      description = {
        "Reads each record with the old key (" + TokenKey.PREVIOUS_ENV + ") and writes it again",
        "with the new one (" + TokenKey.ENV + "). Nothing is written unless every record can be",
        "read; each record is replaced atomically, so a rotation that stops half-way is finished",
        "by running it again. Stop Sift first, or run it with both variables set."
      })
  static final class Rotate implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var config = common.resolve();
      var result = new KeyRotation(InstallationStore.open(config.dataDir(), System.getenv())).run();
      spec.commandLine()
          .getOut()
          .printf(
              "Re-encrypted %d installation record(s) with key %s (%d already used it).%n",
              result.rotated(), result.keyId(), result.alreadyCurrent());
      return 0;
    }
  }
}
