/**
 * Installing Sift in several workspaces: Bolt's OAuth flow ({@code /slack/install}, {@code
 * /slack/oauth_redirect}) with single-use expiring states, the installations it yields kept under
 * the data dir with their tokens sealed (AES-GCM, key from {@code SIFT_TOKEN_KEY}), expiring bot
 * tokens refreshed one refresh at a time per installation, and what happens when a workspace
 * uninstalls Sift: its tokens go at once, its data after a grace period.
 */
package dev.sift.bot.install;
