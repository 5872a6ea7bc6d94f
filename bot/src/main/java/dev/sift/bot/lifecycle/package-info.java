/**
 * The data lifecycle: what Sift forgets and when. Retention sweeps ({@link
 * dev.sift.bot.lifecycle.RetentionRoutine}, daily), a deleted channel ({@link
 * dev.sift.bot.lifecycle.ChannelDeletions}, at once) and data-subject purges ({@code sift purge})
 * all remove messages through one {@link dev.sift.bot.lifecycle.Eraser}, which also takes each
 * message's traces out of its item.
 */
package dev.sift.bot.lifecycle;
