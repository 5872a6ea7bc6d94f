package dev.sift.bot.sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends a CloudEvent to a Kafka topic as one record in structured mode (the CloudEvents Kafka
 * binding): key the item's id, so one item's events land in one partition and stay in order; value
 * the CloudEvent's JSON; header {@code content-type: application/cloudevents+json}.
 *
 * <p>Each send waits for the broker's ack (idempotent, {@code acks=all}) before it returns, so the
 * runner knows the outcome before it moves on. Only a record the cluster can never take is refused;
 * an unreachable broker, a timeout, a missing topic or a missing permission is tried again, since
 * an operator can fix those and the events behind must wait in order. After any failure that is not
 * a refusal the producer is closed and a fresh one made for the next try: nothing a failure may
 * have poisoned (a fenced epoch, a sequence gap, a half-sent batch) is carried over, and one
 * reconnect per retry costs nothing beside the back-off. Only one record is ever in the producer,
 * so closing it loses no other.
 */
final class KafkaTransport implements Transport {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** Past the producer's own delivery timeout, in case its future is never completed. */
  private static final Duration ACK_MARGIN = Duration.ofSeconds(5);

  private final KafkaProducerSettings settings;
  private volatile KafkaProducer<String, String> producer;
  private volatile boolean closed;

  KafkaTransport(KafkaProducerSettings settings) {
    this.settings = settings;
  }

  @Override
  public Result send(Outgoing event) {
    if (closed) {
      return Result.tryAgain("the sink is stopping");
    }
    var headers = new RecordHeaders();
    headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    var record =
        new ProducerRecord<>(settings.topic(), null, event.subject(), event.json(), headers);
    try {
      Future<RecordMetadata> ack = producer().send(record);
      RecordMetadata m =
          ack.get(settings.deliveryTimeout().plus(ACK_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
      return Result.delivered("partition " + m.partition() + " offset " + m.offset());
    } catch (ExecutionException e) {
      return failed(e.getCause());
    } catch (TimeoutException e) {
      return failed(e); // the producer never answered: it is replaced, whatever it holds
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the event stays in the outbox
      return Result.tryAgain("interrupted");
    } catch (InterruptException e) { // Kafka's: the interrupt flag is already set again
      return Result.tryAgain("interrupted");
    } catch (KafkaException e) { // thrown by send() itself: making the producer, a full buffer
      return failed(e);
    }
  }

  private KafkaProducer<String, String> producer() {
    KafkaProducer<String, String> p = producer;
    if (p == null) {
      p = new KafkaProducer<>(settings.producerConfig());
      producer = p;
    }
    return p;
  }

  private Result failed(Throwable e) {
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (refusedForGood(e)) {
      return Result.refused(detail);
    }
    discardProducer(Duration.ZERO);
    return Result.tryAgain(detail);
  }

  /**
   * This record, as it is, can never be written: too large for the topic or the producer, or
   * rejected by the broker's record checks (a compacted topic wants a key). Everything else (no
   * leader, no topic, no ACL, a bad password, a timeout) may pass once the cluster or its operator
   * fixes it.
   */
  static boolean refusedForGood(Throwable e) {
    return e instanceof RecordTooLargeException
        || e instanceof RecordBatchTooLargeException
        || e instanceof InvalidRecordException
        || e instanceof SerializationException;
  }

  private void discardProducer(Duration wait) {
    KafkaProducer<String, String> p = producer;
    producer = null;
    if (p != null) {
      try {
        p.close(wait);
      } catch (KafkaException e) {
        // It is dropped either way; its threads end once it closes.
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    discardProducer(CLOSE_WAIT);
  }
}
