package dev.sift.bot.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.view.HomeView;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.index.ItemQueries;
import dev.sift.triage.item.TriagedMessage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a person's Home tab when they open it ({@code app_home_opened}): acked at once, drawn
 * off the ack path.
 */
public final class HomeTab {
  private static final Logger log = LoggerFactory.getLogger(HomeTab.class);
  private static final int SHOWN = 20;

  private final ItemQueries items;
  private final BiFunction<String, Integer, List<TriagedMessage>> queueVisibleTo;
  private final SlackApi slack;
  private final PermalinkLookup links;
  private final Clock clock;
  private final Executor background;

  /**
   * @param queueVisibleTo the open urgent items a person may see, at most so many
   * @param background where the tab is drawn (the interactive threads)
   */
  public HomeTab(
      ItemQueries items,
      BiFunction<String, Integer, List<TriagedMessage>> queueVisibleTo,
      SlackApi slack,
      PermalinkLookup links,
      Clock clock,
      Executor background) {
    this.items = items;
    this.queueVisibleTo = queueVisibleTo;
    this.slack = slack;
    this.links = links;
    this.clock = clock;
    this.background = background;
  }

  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          String user = payload.getEvent().getUser();
          if ("home".equals(payload.getEvent().getTab())) {
            background.execute(() -> publish(user));
          }
          return ctx.ack();
        });
  }

  /** Draws the tab for one person. */
  public void publish(String user) {
    try {
      List<TriagedMessage> mine = items.ownedBy(user, SHOWN);
      List<TriagedMessage> queued = queueVisibleTo.apply(user, SHOWN);
      slack.call(
          "views.publish",
          m ->
              m.viewsPublish(
                  r -> r.userId(user).view(HomeView.view(mine, queued, links, clock.instant()))));
    } catch (SlackCallException e) {
      log.warn("views.publish failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("cannot draw {}'s Home tab: {}", user, e.toString());
    }
  }
}
