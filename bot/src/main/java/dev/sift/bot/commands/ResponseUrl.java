package dev.sift.bot.commands;

import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a late answer through a request's {@code response_url}, as an ephemeral reply. A failure is
 * logged and dropped: the request was acked long ago, and the URL is the only way to the person.
 */
final class ResponseUrl {
  private static final Logger log = LoggerFactory.getLogger(ResponseUrl.class);

  private ResponseUrl() {}

  static void send(DeferredAnswer.Reply url, List<LayoutBlock> blocks) {
    try {
      url.send(blocks);
    } catch (IOException e) {
      log.warn("cannot answer through response_url: {}", e.toString());
    }
  }
}
