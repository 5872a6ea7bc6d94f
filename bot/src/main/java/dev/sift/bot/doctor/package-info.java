/**
 * {@code sift doctor}: checks an installation before (or while) it runs, one line a check, each
 * failure with the fix in words. The config, the tokens and the scopes the app manifest asks for,
 * the bot's membership of every channel the config names, the LLM provider, and the data dir.
 */
package dev.sift.bot.doctor;
