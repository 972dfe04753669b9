package dev.evalbench.cli;

import dev.evalbench.core.provider.http.EnvProxy;
import dev.evalbench.core.provider.http.HttpProviderFactories;
import dev.evalbench.core.workspace.RouteSpec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evalbench validate [WORKSPACE]}: check every file and render every case; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the workspace's files against their schemas and render every case. Writes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", hidden = true, description = "Same as --workspace (the older form).")
    Path positional;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--json",
            description = "Print one JSON object: valid, errors and warnings (file, line, column, message), counts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws;
        try {
            ws = Components.loadChecked(workspaceOption.require(positional), parent.env());
        } catch (WorkspaceException e) {
            if (!json) throw e;
            ObjectNode result = Json.MAPPER.createObjectNode().put("valid", false);
            result.set("errors", Json.MAPPER.valueToTree(e.errors()));
            out.println(Json.MAPPER.writeValueAsString(result));
            out.flush();
            return ExitCodes.BAD_INPUT;
        }
        int cases = ws.suites().stream().mapToInt(s -> s.cases().size()).sum();
        if (json) {
            ObjectNode result = Json.MAPPER.createObjectNode().put("valid", true).put("workspace", ws.name())
                    .put("suites", ws.suites().size()).put("cases", cases).put("prompts", ws.prompts().size())
                    .put("routes", ws.routes().size()).put("gates", ws.gates().size());
            result.set("errors", Json.MAPPER.createArrayNode());
            result.set("warnings", Json.MAPPER.valueToTree(ws.unsetVariableWarnings()));
            ObjectNode network = result.putObject("network").put("proxy", EnvProxy.from(parent.env()).describe());
            ObjectNode cas = network.putObject("ca_files");
            caFiles(ws).forEach(cas::put);
            out.println(Json.MAPPER.writeValueAsString(result));
        } else {
            out.printf("%s is valid: %s (%s), %s, %s, %s, %s%n", ws.name(), counted(ws.suites().size(), "suite"),
                    String.join(", ", ws.suites().stream().map(SuiteSpec::name).toList()), counted(cases, "case"),
                    counted(ws.prompts().size(), "prompt"), counted(ws.routes().size(), "route"),
                    counted(ws.gates().size(), "gate"));
            // What a corporate network changes, shown before a run rather than discovered in its failures.
            out.println("network: " + EnvProxy.from(parent.env()).describe());
            caFiles(ws).forEach((route, file) -> out.println("route " + route + " trusts the CAs in " + file + " besides the JDK's"));
            // Not errors: every other route runs. Said here so a misspelt variable is not first met as a refused run.
            PrintWriter err = spec.commandLine().getErr();
            ws.unsetVariableWarnings().forEach(where -> err.println("warning: " + where));
            err.flush();
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Route name to the CA file it trusts, for HTTP routes that have one. */
    private java.util.Map<String, String> caFiles(Workspace ws) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (RouteSpec route : ws.routes().values()) {
            String file = HttpProviderFactories.effectiveBaseUrl(route) == null && !route.provider().equals("azure")
                    ? null : HttpProviderFactories.caFile(route, parent.env());
            if (file != null) files.put(route.name(), file);
        }
        return files;
    }

    /** "1 suite", "1,200 cases": as every other count a person reads. */
    private static String counted(int n, String noun) {
        return dev.evalbench.core.text.Counted.of(n, noun);
    }
}
