package dev.sift.bot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.sift.triage.llm.RetryAfter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * LangChain4j's HTTP seam on the process's one OkHttp client. It exists for one reason beyond
 * sharing connections: a refused call's {@code Retry-After} header survives as {@link RetryAfter}
 * in the exception, so the retry loop can wait as long as the provider asked.
 */
final class OkHttpLlmClient implements HttpClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;

  OkHttpLlmClient(OkHttpClient client) {
    this.client = client;
  }

  /** The builder LangChain4j's model builders take; timeouts come from the model's settings. */
  static HttpClientBuilder builder(OkHttpClient shared) {
    return new HttpClientBuilder() {
      private Duration connect = Duration.ofSeconds(10);
      private Duration read = Duration.ofSeconds(60);

      @Override
      public Duration connectTimeout() {
        return connect;
      }

      @Override
      public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
          connect = timeout;
        }
        return this;
      }

      @Override
      public Duration readTimeout() {
        return read;
      }

      @Override
      public HttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
          read = timeout;
        }
        return this;
      }

      @Override
      public HttpClient build() {
        return new OkHttpLlmClient(
            shared
                .newBuilder()
                .connectTimeout(connect)
                .readTimeout(read)
                .callTimeout(read)
                .build());
      }
    };
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try (Response response = client.newCall(toOkHttp(request)).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw new ProviderHttpException(
            response.code(), text, retryAfter(response.header("Retry-After")));
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(response.code())
          .headers(response.headers().toMultimap())
          .body(text)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    try (Response response = client.newCall(toOkHttp(request)).execute()) {
      if (!response.isSuccessful()) {
        listener.onError(
            new ProviderHttpException(
                response.code(),
                response.body() == null ? "" : response.body().string(),
                retryAfter(response.header("Retry-After"))));
        return;
      }
      parser.parse(response.body().byteStream(), listener);
      listener.onClose();
    } catch (IOException e) {
      listener.onError(e);
    }
  }

  private static Request toOkHttp(HttpRequest request) {
    Request.Builder b = new Request.Builder().url(request.url());
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      for (String v : h.getValue()) {
        b.addHeader(h.getKey(), v);
      }
    }
    String method = request.method().name();
    RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), JSON);
    return b.method(method, "GET".equals(method) || "DELETE".equals(method) ? null : body).build();
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return null; // an HTTP date: rare from model APIs; back off instead
    }
  }

  /** A provider's refusal, with how long it asked us to wait. */
  static final class ProviderHttpException extends HttpException implements RetryAfter {
    private final transient Duration retryAfter;

    ProviderHttpException(int status, String body, Duration retryAfter) {
      super(status, body.length() > 500 ? body.substring(0, 500) : body);
      this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
