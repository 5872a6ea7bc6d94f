/**
 * The data lifecycle: what Sift forgets and when. Retention sweeps ({@link
 * dev.sift.bot.lifecycle.RetentionRoutine}, daily), a deleted channel ({@link
 * dev.sift.bot.lifecycle.ChannelDeletions}, at once) and data-subject purges ({@code sift purge})
 * all remove messages through one {@link dev.sift.bot.lifecycle.Eraser}, which also takes each
 * message's traces out of its item. A purge of a store the replicas share ({@link
 * dev.sift.bot.lifecycle.SharedPurge}) also takes the purged messages out of their shared
 * corrections, and waits until every replica has stopped.
 */
package dev.sift.bot.lifecycle;
