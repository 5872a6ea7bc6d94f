/** Threads for every pool in the process, named so a thread dump reads. */
package dev.sift.triage.concurrent;
