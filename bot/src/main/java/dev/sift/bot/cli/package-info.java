/**
 * The {@code sift} command line (picocli): one class per subcommand, reading sift.yml through
 * {@code CommonOptions}. What a command prints to the terminal is rendered by {@link
 * dev.sift.bot.cli.PlainText}, Slack-free; what the running app shows in Slack is rendered by
 * {@link dev.sift.bot.slack.view}.
 */
package dev.sift.bot.cli;
