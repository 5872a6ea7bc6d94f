/**
 * Task cards in Slack: posting each exactly once across crashes and restarts (a durable ledger of
 * claims, and the card's own metadata to find and read it again), retrying what Slack could not
 * take now, and redrawing a card when its item changes. The card's controls live here too: its
 * buttons, the Wrong triage modal, and the reactions on its source message that work like them.
 */
package dev.sift.bot.cards;
