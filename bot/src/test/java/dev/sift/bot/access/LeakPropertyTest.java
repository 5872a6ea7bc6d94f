package dev.sift.bot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import ch.qos.logback.classic.Level;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Thousands of random organisations (one or two workspaces; members, guests and deactivated people;
 * public, private, archived and deleted channels, group DMs and DMs) change step by step while Sift
 * answers who may read what, through the same {@link Directory} and {@link Access} the live app
 * uses, against a Slack that answers from the organisation ({@link SlackWorld}). After every change
 * (one Slack announces with an event at once; one it does not, a minute later, as Sift promises),
 * and with Slack's look-ups failing now and then, nobody may be shown a channel Slack would not
 * show them, and no card or digest may go where someone may not read its source.
 */
class LeakPropertyTest {
  private static final Duration PAST_THE_CACHE = Duration.ofSeconds(61);
  private static final List<String> METHODS =
      List.of(
          "conversations.info",
          "conversations.list",
          "users.info",
          "users.conversations",
          "conversations.members");

  private static final AtomicLong workspaces = new AtomicLong();
  private static final AtomicLong changes = new AtomicLong();
  private static final AtomicLong seeChecks = new AtomicLong();
  private static final AtomicLong copyChecks = new AtomicLong();
  private static final AtomicLong slackCalls = new AtomicLong();

  @BeforeAll
  static void quiet() {
    // Failed look-ups are part of the test; their warnings would fill the log.
    directoryLog().setLevel(Level.ERROR);
  }

  private static ch.qos.logback.classic.Logger directoryLog() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Directory.class);
  }

  @Test
  void should_show_nobody_a_message_slack_would_not_show_them() {
    qt().withExamples(2_000).forAll(longs().all()).checkAssert(this::organisation);
  }

  @AfterAll
  static void report() {
    directoryLog().setLevel(null);
    System.out.printf(
        "leak test: %,d organisations, %,d changes, %,d person×channel checks, %,d card/digest"
            + " copy checks, %,d Slack calls answered; 0 leaks (a leak fails the test)%n",
        workspaces.get(), changes.get(), seeChecks.get(), copyChecks.get(), slackCalls.get());
  }

  private void organisation(long seed) {
    Random r = new Random(seed);
    SlackWorld world = SlackWorld.random(r);
    AtomicLong now = new AtomicLong();
    Directory directory =
        new Directory(new SlackApi(world.client()), id -> Optional.empty(), now::get);
    Set<String> allowed = new TreeSet<>();
    if (r.nextInt(4) == 0) {
      allowed.add(randomRoom(world, r));
    }
    Access access = new Access(directory, (id, name) -> allowed.contains(id));
    List<String> story = new ArrayList<>();
    story.add(world.toString());
    check(world, access, allowed, true, story);
    long lastFailure = Long.MIN_VALUE / 2;
    for (int step = 0; step < 8; step++) {
      world.failing.clear();
      story.add(change(world, directory, now, r));
      if (r.nextInt(5) == 0) {
        world.failing.add(METHODS.get(r.nextInt(METHODS.size())));
        story.add("  Slack fails " + world.failing);
        lastFailure = now.get();
      }
      // A failed look-up is believed for a minute (Slack is not asked again sooner): till then
      // Sift may show less than Slack would, never more.
      boolean slackAnswers = now.get() - lastFailure >= Duration.ofSeconds(60).toNanos();
      check(world, access, allowed, slackAnswers, story);
      changes.incrementAndGet();
    }
    workspaces.incrementAndGet();
    slackCalls.addAndGet(world.calls.get());
  }

  /**
   * One change to the organisation. Slack announces some with an event, which Sift hears at once;
   * others it does not, and Sift promises to follow them within a minute: the clock moves past it.
   */
  private static String change(SlackWorld w, Directory d, AtomicLong now, Random r) {
    boolean event = r.nextBoolean();
    String room = randomRoom(w, r);
    SlackWorld.Room c = w.rooms.get(room);
    String user = new ArrayList<>(w.people.keySet()).get(r.nextInt(w.people.size()));
    String what;
    switch (r.nextInt(7)) {
      case 0 -> {
        c.members.remove(user);
        what = user + " leaves " + room;
        if (event) {
          d.membershipChanged(user, room); // member_left_channel
        }
      }
      case 1 -> {
        if (c.kind != Conversation.Kind.DM) {
          c.members.add(user);
        }
        what = user + " joins " + room;
        if (event) {
          d.membershipChanged(user, room); // member_joined_channel
        }
      }
      case 2 -> {
        if (c.kind == Conversation.Kind.PUBLIC) {
          c.kind = Conversation.Kind.PRIVATE;
        }
        event = false; // Slack sends no event for it
        what = room + " made private";
      }
      case 3 -> {
        c.archived = !c.archived;
        what = room + (c.archived ? " archived" : " unarchived");
        if (event) {
          d.channelChanged(room);
        }
      }
      case 4 -> {
        c.deleted = true;
        what = room + " deleted";
        if (event) {
          d.channelDeleted(room);
        }
      }
      case 5 -> {
        w.people.get(user).guest = !w.people.get(user).guest;
        event = false;
        what = user + (w.people.get(user).guest ? " made a guest" : " made a full member");
      }
      default -> {
        w.people.get(user).deactivated = true;
        event = false;
        what = user + " deactivated";
      }
    }
    now.addAndGet(event ? Duration.ofSeconds(r.nextInt(5)).toNanos() : PAST_THE_CACHE.toNanos());
    return "  " + what + (event ? " (event)" : " (no event; a minute passes)");
  }

  private static void check(
      SlackWorld w, Access access, Set<String> allowed, boolean slackAnswers, List<String> story) {
    List<String> rooms = List.copyOf(w.rooms.keySet());
    for (String user : w.people.keySet()) {
      if (w.people.get(user).deactivated) {
        continue; // a deactivated account cannot run a command or open the Home tab
      }
      Set<String> shown = access.visibleTo(user, rooms);
      for (String room : rooms) {
        seeChecks.incrementAndGet();
        boolean slackLets = w.slackLets(user, room);
        assertThat(!shown.contains(room) || slackLets)
            .as("LEAK: %s shown %s\n%s", user, room, String.join("\n", story))
            .isTrue();
        SlackWorld.Room c = w.rooms.get(room);
        boolean channel = c.kind == Conversation.Kind.PUBLIC || c.kind == Conversation.Kind.PRIVATE;
        if (slackAnswers && channel) {
          // Hiding everything would leak nothing: with Slack answering, members see their channels.
          assertThat(shown.contains(room))
              .as("%s %s %s\n%s", user, slackLets ? "not shown" : "shown", room, story)
              .isEqualTo(slackLets);
        }
      }
    }
    for (String source : rooms) {
      for (String destination : rooms) {
        SlackWorld.Room to = w.rooms.get(destination);
        if (to.deleted || to.kind == Conversation.Kind.DM) {
          continue;
        }
        copyChecks.incrementAndGet();
        boolean copied =
            access.whyNotCopy(source, destination, destination.toLowerCase()).isEmpty();
        boolean slackLets =
            allowed.contains(destination) || w.everyoneActiveMayRead(source, destination);
        assertThat(!copied || slackLets)
            .as("LEAK: a card of %s posted in %s\n%s", source, destination, story)
            .isTrue();
      }
    }
  }

  private static String randomRoom(SlackWorld w, Random r) {
    return new ArrayList<>(w.rooms.keySet()).get(r.nextInt(w.rooms.size()));
  }
}
