/**
 * Task cards in Slack: posting each exactly once across crashes and restarts (a durable ledger of
 * claims, and the card's own metadata to find and read it again), retrying what Slack could not
 * take now, and redrawing a card when its item changes.
 */
package dev.sift.bot.cards;
