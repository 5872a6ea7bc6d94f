/**
 * The bot's side of the LLM that triage consults: building the chat model sift.yml names ({@link
 * dev.sift.bot.llm.ChatModels}), the HTTP client it calls through, and the one-line report of the
 * LLM's share of a run ({@link dev.sift.bot.llm.LlmReport}) that {@code sift replay} and the
 * running app print. The cascade itself, and what is sent to the model, are {@code
 * dev.sift.triage.llm}'s.
 */
package dev.sift.bot.llm;
