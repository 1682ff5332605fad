package org.singanseg.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1VolumeMount;

/**
 * The cluster files of docs/batch/: the Kubernetes Job is valid against the Kubernetes 1.29 API
 * schema (the official Java client's models, generated from it: no unknown field, no wrong type,
 * required fields present), and it runs the same command with the same environment and defaults
 * as the Slurm script (which docs/batch/test-slurm.sh runs on a real Slurm cluster).
 */
class BatchJobFilesTest {
    private static final Path SLURM = Path.of("docs", "batch", "slurm-train-batch.sh");
    private static final Path K8S = Path.of("docs", "batch", "k8s-train-batch-job.yaml");

    @Test
    void theKubernetesJobIsValidAgainstTheApiSchema() throws IOException {
        JsonObject manifest = yamlAsJson(Files.readString(K8S));
        V1Job job = validJob(manifest);
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Job", job.getKind());
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy(),
                "backoffLimitPerIndex needs restartPolicy Never");
    }

    /** The check is not a formality: a misspelled field, a number where a string goes, a missing name. */
    @Test
    void theSchemaCheckRefusesWhatKubernetesRefuses() throws IOException {
        JsonObject misspelled = yamlAsJson(Files.readString(K8S));
        JsonObject spec = misspelled.getAsJsonObject("spec");
        spec.add("backofLimitPerIndex", spec.remove("backoffLimitPerIndex"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> validJob(misspelled));
        assertTrue(unknown.getMessage().contains("backofLimitPerIndex"), unknown.getMessage());

        JsonObject numberForString = yamlAsJson(Files.readString(K8S));
        env(numberForString).get(0).getAsJsonObject().add("value", new JsonPrimitive(8));
        assertThrows(AssertionError.class, () -> validJob(numberForString));

        JsonObject nameless = yamlAsJson(Files.readString(K8S));
        env(nameless).get(0).getAsJsonObject().remove("name");
        assertThrows(IllegalArgumentException.class, () -> validJob(nameless));
    }

    @Test
    void theKubernetesJobRunsTheSlurmScriptsCommandWithItsEnvironment() throws IOException, InterruptedException {
        String script = Files.readString(SLURM);
        V1Job job = validJob(yamlAsJson(Files.readString(K8S)));
        V1Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (V1EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }

        // The same defaults and fixed settings.
        Map<String, String> defaults = matches(script, "(?m)^([A-Z_]+)=\\$\\{\\1:-(.*)\\}$");
        assertEquals(Set.of("PRESET", "SAMPLES", "TRAIN_OPTS", "JAVA_OPTS"), defaults.keySet());
        Map<String, String> exported = matches(script, "(?m)^export ([A-Z_]+)=(.*)$");
        assertEquals("\"${SLURM_CPUS_PER_TASK:-1}\"", exported.remove("OMP_NUM_THREADS"));
        Set<String> required = matches(script, "(?m)^: \"\\$\\{([A-Z]+):\\?(.*)\\}\"$").keySet();
        assertEquals(Set.of("STUDIO", "DATA", "OUT"), required);
        Set<String> expected = new TreeSet<>(Set.of("SHARDS", "OMP_NUM_THREADS"));
        expected.addAll(defaults.keySet());
        expected.addAll(exported.keySet());
        expected.addAll(required);
        assertEquals(expected, new TreeSet<>(env.keySet()), "the Job's environment is the script's");
        defaults.forEach((name, value) -> assertEquals(value, env.get(name), name));
        exported.forEach((name, value) -> assertEquals(value, env.get(name), name));

        // One thread per requested core, N shards as in the script's array, the folders mounted.
        String cpus = sbatch(script, "cpus-per-task");
        assertEquals(cpus, env.get("OMP_NUM_THREADS"));
        assertEquals(cpus, container.getResources().getRequests().get("cpu").toSuffixedString());
        Matcher array = Pattern.compile("(\\d+)-(\\d+)").matcher(sbatch(script, "array"));
        assertTrue(array.matches());
        int tasks = Integer.parseInt(array.group(2)) - Integer.parseInt(array.group(1)) + 1;
        assertEquals(String.valueOf(tasks), env.get("SHARDS"));
        assertEquals(tasks, job.getSpec().getCompletions());
        List<String> mounts = container.getVolumeMounts().stream().map(V1VolumeMount::getMountPath).toList();
        assertTrue(mounts.contains(env.get("STUDIO")) && mounts.contains(env.get("DATA"))
                && env.get("OUT").startsWith(env.get("DATA") + "/"), mounts + " " + env);

        // The same command, word for word; the shard is the index of N.
        assertEquals(List.of("/bin/sh", "-c"), container.getCommand());
        String podScript = container.getArgs().get(0);
        assertEquals(javaCommand(script), javaCommand(podScript));
        assertTrue(podScript.startsWith("SHARD=\"${JOB_COMPLETION_INDEX}/${SHARDS}\"\n"), podScript);
        assertTrue(script.contains("  SHARD=\"${SLURM_ARRAY_TASK_ID}/${SHARDS}\"\n"), "resubmitted shards of N");
        assertTrue(!podScript.contains("$("), "Kubernetes would expand $(NAME) in args itself");
        shellSyntaxOk(podScript);
    }

    /** The manifest parsed by the Kubernetes client's models, which must give back exactly what was read. */
    private static V1Job validJob(JsonObject manifest) throws IOException {
        V1Job.validateJsonObject(manifest); // unknown fields, required fields, JSON kinds, recursively
        V1Job job = JSON.getGson().fromJson(manifest, V1Job.class);
        JsonElement back = withoutEmptyMaps(JSON.getGson().toJsonTree(job));
        assertEquals(manifest, back, "a field that does not survive the client's typed model (a wrong type)");
        return job;
    }

    /** The models start labels, annotations, nodeSelector, ... as empty maps; the manifest has none. */
    private static JsonElement withoutEmptyMaps(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (Map.Entry<String, JsonElement> entry : List.copyOf(object.entrySet())) {
                JsonElement value = withoutEmptyMaps(entry.getValue());
                if (value.isJsonObject() && value.getAsJsonObject().entrySet().isEmpty()) {
                    object.remove(entry.getKey());
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(BatchJobFilesTest::withoutEmptyMaps);
        }
        return element;
    }

    private static JsonObject yamlAsJson(String yaml) throws IOException {
        String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        return JSON.getGson().fromJson(json, JsonObject.class);
    }

    private static JsonArray env(JsonObject manifest) {
        return manifest.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec")
                .getAsJsonArray("containers").get(0).getAsJsonObject().getAsJsonArray("env");
    }

    private static Map<String, String> matches(String text, String regex) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private static String sbatch(String script, String option) {
        Matcher m = Pattern.compile("(?m)^#SBATCH --" + option + "=(\\S+)$").matcher(script);
        assertTrue(m.find(), option);
        return m.group(1);
    }

    /** From "exec java" to the end of the command, continuation lines joined, spaces normalised. */
    private static String javaCommand(String script) {
        int start = script.indexOf("exec java ");
        assertTrue(start >= 0, script);
        StringBuilder command = new StringBuilder();
        for (String line : script.substring(start).split("\n")) {
            command.append(line.strip().replaceAll("\\\\$", "")).append(' ');
            if (!line.stripTrailing().endsWith("\\")) {
                break;
            }
        }
        return command.toString().trim().replaceAll("\\s+", " ");
    }

    private static void shellSyntaxOk(String podScript) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to check the syntax with");
        Process sh = new ProcessBuilder("/bin/sh", "-n", "-c", podScript).redirectErrorStream(true).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
        String output = new String(sh.getInputStream().readAllBytes());
        assertEquals(0, sh.exitValue(), output);
    }
}
