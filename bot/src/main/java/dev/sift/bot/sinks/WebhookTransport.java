package dev.sift.bot.sinks;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** POSTs a CloudEvent to a webhook, signed, with the event's id as its idempotency key. */
final class WebhookTransport implements Transport {
  private static final MediaType CLOUD_EVENT = MediaType.get(EventEnvelope.CONTENT_TYPE);

  private final URI url;
  private final WebhookSigner signer;
  private final OkHttpClient http;
  private final Clock clock;

  WebhookTransport(URI url, WebhookSigner signer, OkHttpClient http, Clock clock) {
    this.url = url;
    this.signer = signer;
    this.http =
        http.newBuilder()
            .callTimeout(Duration.ofSeconds(15))
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(false) // a signed request is not re-sent elsewhere
            .build();
    this.clock = clock;
  }

  @Override
  public Result send(Outgoing event) {
    String payload = event.json();
    long timestamp = clock.instant().getEpochSecond();
    Request request =
        new Request.Builder()
            .url(url.toString())
            .header(WebhookSigner.TIMESTAMP, Long.toString(timestamp))
            .header(WebhookSigner.SIGNATURE, signer.sign(timestamp, payload))
            .header("Idempotency-Key", event.id())
            .header("User-Agent", "Sift")
            .post(RequestBody.create(payload, CLOUD_EVENT))
            .build();
    try (Response r = http.newCall(request).execute()) {
      int code = r.code();
      if (code / 100 == 2) {
        return new Result(Outcome.DELIVERED, "HTTP " + code);
      }
      // Busy or away, or misconfigured in a way its operator fixes (a rotated secret, a moved
      // path): kept and retried, an alert after five minutes. Other answers refuse this event.
      boolean passing =
          code == 401
              || code == 403
              || code == 404
              || code == 408
              || code == 425
              || code == 429
              || code / 100 == 5;
      return new Result(passing ? Outcome.TRY_AGAIN : Outcome.REFUSED, "HTTP " + code);
    } catch (IOException e) {
      return new Result(Outcome.TRY_AGAIN, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
