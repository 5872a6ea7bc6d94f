package dev.sift.index.solr;

import dev.sift.index.Claims;
import dev.sift.index.MessageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Claims kept as documents of the messages collection ({@code kind:claim}, id {@code
 * claim/<name>}), so every Sift process sharing the collection sees them. Each change is a
 * conditional write on the claim's {@code _version_}: creating one asks that none exists, taking
 * over an expired one or marking one done asks that nobody changed it since it was read. Of two
 * processes racing, Solr lets exactly one write through; the other reads again and decides anew.
 */
final class SolrClaims implements Claims {
  private static final String PREFIX = "claim/";
  private static final String OWNER = "claim_owner";
  private static final String AT = "claim_at";
  private static final String LEASE = "claim_lease";
  private static final String DONE = "claim_done";

  private final SolrMessageStore store;

  SolrClaims(SolrMessageStore store) {
    this.store = store;
  }

  @Override
  public boolean claim(String name, String owner, Instant now, Duration lease) {
    while (true) {
      SolrDocument held = store.getWithVersion(PREFIX + name);
      long version = MessageStore.ABSENT;
      if (held != null) {
        boolean expired =
            !now.isBefore(Instant.ofEpochMilli(millis(held, AT)).plusMillis(millis(held, LEASE)));
        if (Boolean.TRUE.equals(held.getFirstValue(DONE))
            || (!owner.equals(held.getFirstValue(OWNER)) && !expired)) {
          return false;
        }
        version = SolrMessageStore.version(held);
      }
      if (store.addIfVersion(
          claim(name, owner, now.toEpochMilli(), lease.toMillis(), false), version)) {
        return true;
      }
    }
  }

  @Override
  public boolean claimDone(String name, String owner, Instant now) {
    return store.addIfVersion(claim(name, owner, now.toEpochMilli(), 0, true), MessageStore.ABSENT);
  }

  @Override
  public void done(String name, String owner) {
    while (true) {
      SolrDocument held = store.getWithVersion(PREFIX + name);
      if (held == null
          || !owner.equals(held.getFirstValue(OWNER))
          || Boolean.TRUE.equals(held.getFirstValue(DONE))) {
        return;
      }
      SolrInputDocument doneClaim = claim(name, owner, millis(held, AT), millis(held, LEASE), true);
      if (store.addIfVersion(doneClaim, SolrMessageStore.version(held))) {
        return;
      }
    }
  }

  @Override
  public void release(String name, String owner) {
    while (true) {
      SolrDocument held = store.getWithVersion(PREFIX + name);
      if (held == null
          || !owner.equals(held.getFirstValue(OWNER))
          || Boolean.TRUE.equals(held.getFirstValue(DONE))) {
        return;
      }
      if (store.deleteIfVersion(PREFIX + name, SolrMessageStore.version(held))) {
        return;
      }
    }
  }

  @Override
  public Optional<Held> held(String name) {
    return Optional.ofNullable(store.getWithVersion(PREFIX + name))
        .map(
            d ->
                new Held(
                    (String) d.getFirstValue(OWNER),
                    Instant.ofEpochMilli(millis(d, AT)),
                    Boolean.TRUE.equals(d.getFirstValue(DONE))));
  }

  @Override
  public void forgetBefore(String prefix, Instant cutoff) {
    // A local-params value runs to the end of the filter, so the prefix needs no escaping.
    store.deleteMatching(
        "cannot remove old claims",
        "{!prefix f=" + SolrDocuments.ID + "}" + PREFIX + prefix,
        AT + ":[* TO " + (cutoff.toEpochMilli() - 1) + "]");
  }

  private static SolrInputDocument claim(
      String name, String owner, long atMillis, long leaseMillis, boolean done) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(SolrDocuments.ID, PREFIX + name);
    d.addField(SolrDocuments.KIND, SolrDocuments.CLAIM);
    d.addField(OWNER, owner);
    d.addField(AT, atMillis);
    d.addField(LEASE, leaseMillis);
    d.addField(DONE, done);
    return d;
  }

  private static long millis(SolrDocument d, String field) {
    return ((Number) d.getFirstValue(field)).longValue();
  }
}
