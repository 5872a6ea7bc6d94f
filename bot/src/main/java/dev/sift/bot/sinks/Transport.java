package dev.sift.bot.sinks;

/**
 * Sends one event to a sink and says how it went: a webhook POST, a Kafka record, a Jira issue or
 * comment. One transport per sink, called from that sink's delivery thread only, one event at a
 * time, oldest first.
 */
interface Transport extends AutoCloseable {

  /** How a delivery went. */
  enum Outcome {
    DELIVERED,
    /** The sink is away or busy (network, timeout, 408, 429, 5xx): try again later. */
    TRY_AGAIN,
    /** The sink refused it for good (another 4xx): set it aside. */
    REFUSED
  }

  /**
   * @param retryAfter how long the sink asked to be left alone ({@code Retry-After}), or zero
   */
  record Result(Outcome outcome, String detail, java.time.Duration retryAfter) {
    public Result {
      retryAfter = retryAfter == null ? java.time.Duration.ZERO : retryAfter;
    }

    public Result(Outcome outcome, String detail) {
      this(outcome, detail, java.time.Duration.ZERO);
    }

    static Result delivered(String detail) {
      return new Result(Outcome.DELIVERED, detail);
    }

    static Result tryAgain(String detail) {
      return new Result(Outcome.TRY_AGAIN, detail);
    }

    /** Try again, and not before {@code after} (the sink's {@code Retry-After}). */
    static Result tryAgain(String detail, java.time.Duration after) {
      return new Result(Outcome.TRY_AGAIN, detail, after);
    }

    static Result refused(String detail) {
      return new Result(Outcome.REFUSED, detail);
    }
  }

  Result send(Outgoing event);

  /** Lets go of connections (a producer, a client); the default holds none. */
  @Override
  default void close() {}
}
