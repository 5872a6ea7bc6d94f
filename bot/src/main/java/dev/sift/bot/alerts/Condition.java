package dev.sift.bot.alerts;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something that can go wrong, checked on every tick.
 *
 * @param name what it is, for the recovery post ("Socket Mode connection")
 * @param grace how long it must stay wrong before anyone is told (a blip is not an outage)
 * @param problem what is wrong now, in words, or empty while all is well
 */
public record Condition(String name, Duration grace, Supplier<Optional<String>> problem) {}
