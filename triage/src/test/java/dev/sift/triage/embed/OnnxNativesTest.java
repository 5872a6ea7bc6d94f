package dev.sift.triage.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that embeds a message leaves nothing in the temp folder; the runtime is cached. */
class OnnxNativesTest {
  @TempDir Path tmp;
  @TempDir Path cache;

  /** What the child process runs: one embedding, as every Sift command does at least once. */
  public static void main(String[] args) {
    try (InProcessEmbedder embedder = new InProcessEmbedder(1)) {
      System.out.println(embedder.embed("the portal is down").length);
    }
  }

  @Test
  void should_leave_no_onnxruntime_folder_in_the_temp_dir_run_after_run() throws Exception {
    for (int run = 0; run < 2; run++) {
      ProcessBuilder child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Djava.io.tmpdir=" + tmp,
                  "-cp",
                  System.getProperty("java.class.path"),
                  OnnxNativesTest.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      child.environment().put("XDG_CACHE_HOME", cache.toString());
      Process p = child.start();
      p.getOutputStream().close();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(f -> f.getFileName().toString()).toList())
          .noneMatch(n -> n.startsWith("onnxruntime-java"));
    }
    Path natives = cache.resolve("sift").resolve("onnxruntime-" + OnnxNatives.platform());
    assertThat(natives.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
  }

  @Test
  void should_name_this_machine_as_the_runtime_jar_does() {
    assertThat(List.of("linux-x64", "linux-aarch64", "osx-x64", "osx-aarch64", "win-x64"))
        .contains(OnnxNatives.platform());
  }
}
