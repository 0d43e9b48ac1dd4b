package com.mcpportal.portal.cloud.aws.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.StepRetry;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.AwsSettings;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A loopback fake of the AWS APIs the portal calls, answering in each API's own protocol: EC2,
 * STS, IAM and CloudWatch (SDK 2.40's client) speak Query (form POST, XML answers, XML errors), ECS, ECR, Logs, SSM, Cloud Map
 * and Resource Groups Tagging speak JSON 1.1 ({@code X-Amz-Target}), API Gateway v2 speaks
 * REST-JSON. Calls are told apart by the service in the SigV4 credential scope, as AWS does.
 *
 * <p>Use it as {@code @RegisterExtension final AwsFake fake = AwsFake.withEmptyAccount();}, or
 * {@link #start()} and close it. Tests stub answers with {@link #answer}; several answers to one call are given in turn
 * (the last one repeats). {@link #calls()} and {@link #actions()} list what the code sent.
 * {@link EmptyAccount} stubs a fresh account in which a whole environment can be provisioned.
 */
public final class AwsFake implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    public static final String ACCESS_KEY = "AKIDPORTALTEST";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    /** Test stubs win over the {@link EmptyAccount} baseline. */
    static final int TEST_PRIORITY = 1;
    static final int BASELINE_PRIORITY = 50;

    static {
        // Never ask EC2 instance metadata for credentials or region during tests.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private final boolean emptyAccount;
    private final List<AwsClientFactory> factories = new ArrayList<>();
    private WireMockServer server;
    private AwsCloudProvider provider;

    private AwsFake(boolean emptyAccount) {
        this.emptyAccount = emptyAccount;
    }

    /** For {@code @RegisterExtension}: a fresh fake with the {@link EmptyAccount} baseline for every test. */
    public static AwsFake withEmptyAccount() {
        return new AwsFake(true);
    }

    /** A fake started now, with no stubs yet; close it when done. */
    public static AwsFake start() {
        AwsFake fake = new AwsFake(false);
        fake.startServer();
        return fake;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startServer();
        if (emptyAccount) {
            EmptyAccount.on(this);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        // Anything not stubbed answers like an AWS API that does not know the action.
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"__type\":\"UnknownOperationException\",\"message\":\"not stubbed in AwsFake\"}")));
    }

    public URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** Settings pointing every service at the fake, with quick retries and polls so tests stay fast. */
    public AwsSettings settings() {
        return new AwsSettings(endpoint(), null, AwsSettings.RetryMode.STANDARD, 3, Duration.ofMillis(5), 3,
                Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(200));
    }

    /** A client factory with fixed test credentials, closed with the fake. */
    public AwsClientFactory clientFactory(AwsSettings settings) {
        AwsClientFactory factory = new AwsClientFactory(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "test-secret")));
        factories.add(factory);
        return factory;
    }

    /** The AWS adapter on this fake (one per fake); waits and step retries do not sleep. */
    public AwsCloudProvider provider() {
        if (provider == null) {
            AwsSettings settings = settings();
            StepRetry.Sleeper noSleep = duration -> { };
            provider = new AwsCloudProvider(clientFactory(settings), settings, noSleep);
        }
        return provider;
    }

    public static CloudTarget target() {
        return CloudTarget.defaultCredentials("account-1", REGION);
    }

    // --- matching calls ------------------------------------------------------------------------

    /** A Query-protocol call of EC2 ({@code ec2}), STS ({@code sts}) or IAM ({@code iam}). */
    public static MappingBuilder query(String service, String action) {
        return post(urlEqualTo("/")).withHeader("Authorization", containing("/" + service + "/aws4_request"))
                .withFormParam("Action", equalTo(action));
    }

    public static MappingBuilder ec2(String action) {
        return query("ec2", action);
    }

    /** A CloudWatch call (Query protocol; the signing name is {@code monitoring}). */
    public static MappingBuilder cloudWatch(String action) {
        return query("monitoring", action);
    }

    /** A JSON-protocol call, e.g. {@code json("ecs", "CreateService")}; {@code service} is the signing name. */
    public static MappingBuilder json(String service, String action) {
        return post(urlEqualTo("/")).withHeader("Authorization", containing("/" + service + "/aws4_request"))
                .withHeader("X-Amz-Target", matching(".*\\." + action));
    }

    /** An API Gateway v2 call, e.g. {@code rest("POST", "/v2/apis/[^/]+/routes")}. */
    public static MappingBuilder rest(String method, String pathRegex) {
        return request(method, urlPathMatching(pathRegex))
                .withHeader("Authorization", containing("/apigateway/aws4_request"));
    }

    // --- answers -------------------------------------------------------------------------------

    /** An EC2 answer: {@code inner} wrapped in {@code <ActionResponse xmlns="…/2016-11-15/">}. */
    public static ResponseDefinitionBuilder ec2Ok(String action, String inner) {
        return xml(200, "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                + UUID.randomUUID() + "</requestId>" + inner + "</" + action + "Response>");
    }

    /** EC2's error document: {@code <Response><Errors><Error><Code>…}. */
    public static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return xml(status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + Ec2Xml.escape(message)
                + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>");
    }

    /** An STS or IAM answer: {@code <ActionResponse><ActionResult>inner</ActionResult>…}. */
    public static ResponseDefinitionBuilder queryOk(String namespace, String action, String inner) {
        return xml(200, "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + inner + "</"
                + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    /** A CloudWatch answer: {@code <ActionResponse xmlns="…/2010-08-01/"><ActionResult>inner</ActionResult>…}. */
    public static ResponseDefinitionBuilder cloudWatchOk(String action, String inner) {
        return queryOk("http://monitoring.amazonaws.com/doc/2010-08-01/", action, inner);
    }

    /** The STS/IAM/CloudWatch error document: {@code <ErrorResponse><Error><Type>Sender</Type><Code>…}. */
    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return xml(status, "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + Ec2Xml.escape(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>");
    }

    public static ResponseDefinitionBuilder jsonOk(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }

    /** A JSON-protocol error: {@code {"__type": "ThrottlingException", "message": …}}. */
    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    public static ResponseDefinitionBuilder restOk(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }

    /** API Gateway's error: the type in {@code x-amzn-ErrorType}, the message in the body. */
    public static ResponseDefinitionBuilder restError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type).withBody("{\"message\":\"" + message + "\"}");
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    // --- stubbing ------------------------------------------------------------------------------

    /** Answers a call with the given answers in turn; the last one repeats. Test stubs win over the baseline. */
    public AwsFake answer(MappingBuilder call, ResponseDefinitionBuilder... answers) {
        stub(call, TEST_PRIORITY, answers);
        return this;
    }

    /**
     * Answers ECR's {@code GetAuthorizationToken} as ECR does: a token {@code base64("AWS:<password>")} for the
     * whole registry (the password a registry with ECR's login takes, such as an {@code EcrLoginRegistry}).
     */
    public AwsFake answerEcrLogin(String password) {
        String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
        return answer(json("ecr", "GetAuthorizationToken"), jsonOk("""
                {"authorizationData":[{"authorizationToken":"%s","expiresAt":4102444800,\
                "proxyEndpoint":"https://%s.dkr.ecr.%s.amazonaws.com"}]}""".formatted(token, ACCOUNT, REGION)));
    }

    void stub(MappingBuilder call, int priority, ResponseDefinitionBuilder... answers) {
        if (answers.length == 1) {
            server.stubFor(call.atPriority(priority).willReturn(answers[0]));
            return;
        }
        String scenario = "sequence-" + UUID.randomUUID();
        int last = answers.length - 1;
        for (int i = 0; i <= last; i++) {
            // The builder is reused: each stubFor builds a separate mapping from its current state.
            server.stubFor(call.withId(UUID.randomUUID()).atPriority(priority).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i)
                    .willSetStateTo(i == last ? "answer-" + last : "answer-" + (i + 1))
                    .willReturn(answers[i]));
        }
    }

    // --- what was sent -------------------------------------------------------------------------

    /** Every call received, oldest first. */
    public List<AwsCall> calls() {
        List<AwsCall> calls = new ArrayList<>(server.getAllServeEvents().stream()
                .map(event -> AwsCall.of(event.getRequest())).toList());
        Collections.reverse(calls);
        return calls;
    }

    /** The calls of one action, e.g. {@code calls("ec2:RunInstances")}, oldest first. */
    public List<AwsCall> calls(String name) {
        return calls().stream().filter(call -> call.name().equals(name)).toList();
    }

    /** The one call of an action; fails the test if there was none or more than one. */
    public AwsCall onlyCall(String name) {
        List<AwsCall> found = calls(name);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + name + " call, got " + found.size() + "; calls: " + actions());
        }
        return found.get(0);
    }

    /** The actions called, in order: {@code ec2:DescribeVpcs}, {@code ecs:CreateService} … */
    public List<String> actions() {
        return calls().stream().map(AwsCall::name).toList();
    }

    /** The IAM actions the calls need, for checking a policy document. */
    public List<String> iamActions() {
        return calls().stream().map(AwsCall::iamAction).distinct().sorted().toList();
    }

    /** Forgets the calls received so far (the stubs stay). */
    public void forgetCalls() {
        server.resetRequests();
    }

    @Override
    public void close() {
        factories.forEach(AwsClientFactory::close);
        factories.clear();
        provider = null;
        if (server != null) {
            server.stop();
        }
    }
}
