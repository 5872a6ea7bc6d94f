package dev.sift.bot.pipeline;

import dev.sift.triage.item.Triager;

/**
 * Where triage results go after they are stored: task cards in Slack, or a tally on the command
 * line. The only part of the pipeline that differs between live and offline use.
 */
@FunctionalInterface
public interface Outlet {
  void deliver(Triager.Outcome outcome);
}
