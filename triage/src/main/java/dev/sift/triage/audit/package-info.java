/**
 * The audit seam: one small interface that records who did what (admin actions, every LLM call), so
 * the domain can be audited without knowing where the log lives.
 */
package dev.sift.triage.audit;
