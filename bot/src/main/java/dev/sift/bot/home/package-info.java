/**
 * The App Home tab: drawn for a person each time they open it, with their own open tasks and the
 * urgent queue as they may see it (private channels only where they are a member).
 */
package dev.sift.bot.home;
