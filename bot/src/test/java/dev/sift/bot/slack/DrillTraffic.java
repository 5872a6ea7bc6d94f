package dev.sift.bot.slack;

import dev.sift.bot.export.SlackExport;
import dev.sift.triage.message.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * What people do in the drills' workspace: mostly new messages (texts of the bundled sample, made
 * unique), then replies, edits and deletes, in four channels, from a seeded random source.
 */
final class DrillTraffic {
  static final String[] CHANNELS = {"C0OPS", "C0SUPPORT", "C0ACME", "C0GENERAL"};
  static final String[] NAMES = {"ops", "support", "client-acme", "general"};

  private final Random random;
  private final List<String> texts;

  DrillTraffic(Random random) throws IOException {
    this.random = random;
    try (SlackExport export = SlackExport.open(Path.of("..", "samples", "northwind-week.zip"))) {
      this.texts =
          export.messages(w -> {}).stream()
              .map(Message::text)
              .map(t -> t.replaceAll("[&<>]", " ").strip())
              .filter(t -> !t.isEmpty())
              .toList();
    }
  }

  /** Makes the drill's channels in the workspace. */
  static void channels(SlackEmulator slack) {
    for (int i = 0; i < CHANNELS.length; i++) {
      slack.channel(CHANNELS[i], NAMES[i]);
    }
  }

  /** One thing people do: mostly new messages, then replies, edits and deletes. */
  void act(SlackEmulator slack) {
    int c = random.nextInt(CHANNELS.length);
    String channel = CHANNELS[c];
    String user = "U0P" + (1 + random.nextInt(8));
    String text = texts.get(random.nextInt(texts.size())) + " #" + random.nextInt(1_000_000);
    double roll = random.nextDouble();
    List<String> top = slack.topLevel(channel);
    if (roll < 0.70 || top.isEmpty()) {
      slack.post(channel, user, text, null);
    } else if (roll < 0.85) {
      String parent =
          top.get(Math.max(0, top.size() - 1 - random.nextInt(Math.min(top.size(), 50))));
      slack.post(channel, user, text, parent);
    } else if (roll < 0.94) {
      List<String> all = slack.all(channel);
      slack.edit(
          channel,
          all.get(Math.max(0, all.size() - 1 - random.nextInt(Math.min(all.size(), 100)))),
          "edited: " + text);
    } else {
      List<String> deletable = slack.deletable(channel);
      if (!deletable.isEmpty()) {
        slack.delete(
            channel,
            deletable.get(
                Math.max(
                    0, deletable.size() - 1 - random.nextInt(Math.min(deletable.size(), 100)))));
      }
    }
  }

  /** Sleeps until {@code until} (System.nanoTime), to keep a pace. */
  static void pace(long until) throws InterruptedException {
    long wait = until - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
