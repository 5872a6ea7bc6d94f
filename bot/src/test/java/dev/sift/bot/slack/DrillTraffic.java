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

  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("\"value\":\"(T[^\"]+/[^\"]+/[0-9.]+)\"");

  private final Random random;
  private final List<String> texts;
  private final double clicks;

  DrillTraffic(Random random) throws IOException {
    this(random, 0);
  }

  /**
   * @param clicks the share of actions that click Acknowledge or Resolve on a recent task card
   */
  DrillTraffic(Random random, double clicks) throws IOException {
    this.random = random;
    this.clicks = clicks;
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
    if (clicks > 0 && random.nextDouble() < clicks && click(slack, user)) {
      return;
    }
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

  /** Someone clicks Acknowledge (or, less often, Resolve) on one of the latest task cards. */
  private boolean click(SlackEmulator slack, String user) {
    List<com.fasterxml.jackson.databind.JsonNode> cards = slack.cardPosts();
    if (cards.isEmpty()) {
      return false;
    }
    var card = cards.get(cards.size() - 1 - random.nextInt(Math.min(cards.size(), 30)));
    if (ReplicaDrill.DIGESTS.equals(card.path("channel").asText())) {
      return false;
    }
    var item = ITEM.matcher(card.path("blocks").asText());
    if (!item.find()) {
      return false;
    }
    String action = random.nextDouble() < 0.7 ? "task_ack" : "task_resolve";
    return slack.press(card, action, item.group(1), user);
  }

  /** Sleeps until {@code until} (System.nanoTime), to keep a pace. */
  static void pace(long until) throws InterruptedException {
    long wait = until - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
