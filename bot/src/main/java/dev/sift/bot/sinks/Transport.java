package dev.sift.bot.sinks;

/** Sends one event's payload to a sink and says how it went. */
interface Transport {

  /** How a delivery went. */
  enum Outcome {
    DELIVERED,
    /** The sink is away or busy (network, timeout, 408, 429, 5xx): try again later. */
    TRY_AGAIN,
    /** The sink refused it for good (another 4xx): set it aside. */
    REFUSED
  }

  record Result(Outcome outcome, String detail) {}

  Result send(String eventId, String payload);
}
