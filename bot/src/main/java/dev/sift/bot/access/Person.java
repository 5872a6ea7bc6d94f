package dev.sift.bot.access;

/**
 * Someone who may be shown messages, as Slack describes them.
 *
 * @param team their workspace, or null when Slack did not say
 * @param guest a multi- or single-channel guest ({@code is_restricted}, {@code
 *     is_ultra_restricted}): they see only conversations they are in
 * @param deactivated deactivated ({@code deleted}): they see nothing
 * @param known false when Slack could not say who they are; they then count as a guest, the safe
 *     side
 */
public record Person(String id, String team, boolean guest, boolean deactivated, boolean known) {

  public static Person unknown(String id) {
    return new Person(id, null, true, false, false);
  }
}
