package dev.sift.bot.http;

import java.util.function.Function;

/**
 * A webhook another system (Jira) sends to Sift's port: the endpoint reads the request (POST only,
 * its body size limited) and the hook checks who sent it and acts on it.
 */
@FunctionalInterface
public interface Hook {
  /** Larger bodies are refused with 413 before the hook sees them. */
  int MAX_BODY_BYTES = 4 << 20;

  /**
   * @param header a request header by name (any case), or null
   * @param body the raw body, as signed
   */
  Answer handle(Function<String, String> header, byte[] body);

  /** The status and a short plain-text body for the sender. */
  record Answer(int status, String text) {}
}
