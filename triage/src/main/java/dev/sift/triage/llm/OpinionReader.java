package dev.sift.triage.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.LlmOpinion;
import dev.sift.triage.verdict.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an LLM's answer and trusts nothing in it: the JSON must parse, every id must be one we
 * asked about, the category must be in the taxonomy, the priority P1..P4; text fields are cut to
 * length and cleaned so that nothing a model writes can mention anyone, ping a channel or carry a
 * link into Sift's posts. What fails is reported, for one repair attempt.
 */
public final class OpinionReader {
  static final int MAX_SUMMARY = 150;
  private static final int MAX_REASON = 160;
  private static final int MAX_LIST = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(https?|ftp|mailto|slack)://\\S+|\\bwww\\.\\S+");
  private static final Pattern BROADCAST =
      Pattern.compile("(?i)[@!](channel|here|everyone|subteam\\^\\w*)\\b");
  private static final Pattern MENTION = Pattern.compile("@[\\w.\\-]+");
  private static final Pattern MARKUP = Pattern.compile("[<>&]|!subteam|!date");
  private static final Pattern FENCE =
      Pattern.compile("(?s)^\\s*```(?:json)?\\s*(.*?)\\s*```\\s*$");

  private final Taxonomy taxonomy;
  private final Set<String> teams;

  public OpinionReader(Taxonomy taxonomy, List<String> teams) {
    this.taxonomy = taxonomy;
    this.teams = Set.copyOf(teams);
  }

  /** The valid opinions by message id, and what was wrong with the rest. */
  public record Reading(Map<String, LlmOpinion> opinions, List<String> problems) {}

  public Reading read(String answer, Set<String> askedIds) {
    Map<String, LlmOpinion> opinions = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (answer == null || answer.isBlank()) {
      problems.add("the answer was empty");
      return new Reading(opinions, problems);
    }
    JsonNode root;
    try {
      var fenced = FENCE.matcher(answer);
      root = JSON.readTree(fenced.matches() ? fenced.group(1) : answer);
    } catch (IOException e) {
      problems.add("the answer was not valid JSON");
      return new Reading(opinions, problems);
    }
    JsonNode verdicts = root.isArray() ? root : root.path("verdicts");
    if (!verdicts.isArray()) {
      problems.add("the answer had no \"verdicts\" list");
      return new Reading(opinions, problems);
    }
    for (JsonNode v : verdicts) {
      String id = v.path("id").asText("");
      if (!askedIds.contains(id)) {
        problems.add("verdict for unknown message id '" + clean(id, 20) + "'");
        continue;
      }
      String category = v.path("category").asText("");
      if (!taxonomy.contains(category)) {
        problems.add(
            "message " + id + ": '" + clean(category, 40) + "' is not one of the categories");
        continue;
      }
      Priority priority;
      try {
        priority = Priority.parse(v.path("priority").asText(""));
      } catch (IllegalArgumentException e) {
        problems.add("message " + id + ": priority must be P1, P2, P3 or P4");
        continue;
      }
      String owner = v.path("owner").asText("");
      opinions.put(
          id,
          new LlmOpinion(
              category,
              priority,
              clean(v.path("summary").asText(""), MAX_SUMMARY),
              list(v.path("reasons")),
              teams.contains(owner) ? owner : null,
              list(v.path("action_items"))));
    }
    for (String id : askedIds) {
      if (!opinions.containsKey(id)
          && problems.stream().noneMatch(p -> p.startsWith("message " + id + ":"))) {
        problems.add("no verdict for message " + id);
      }
    }
    return new Reading(opinions, problems);
  }

  private static List<String> list(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode item : array) {
        String text = clean(item.asText(""), MAX_REASON);
        if (!text.isBlank() && out.size() < MAX_LIST) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /** One line, no links, no mentions, no Slack markup, at most {@code max} characters. */
  static String clean(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    t = LINK.matcher(t).replaceAll("[link]");
    t = BROADCAST.matcher(t).replaceAll("$1");
    t = MENTION.matcher(t).replaceAll("someone");
    t = MARKUP.matcher(t).replaceAll(" ");
    t = t.replaceAll(" {2,}", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
  }
}
