package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.TaskRange;

/**
 * One deployment of the MCP server for a team. Its state moves only along {@link EnvironmentState}'s transitions;
 * the operations that run it change state, power and resources through the public methods below.
 */
@Entity
@Table(name = "environment")
public class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long teamId;

    private long cloudAccountId;

    private String cloudId;

    private String name;

    private String region;

    private int cpu;

    private int memoryMib;

    @Enumerated(EnumType.STRING)
    private Architecture architecture;

    @Enumerated(EnumType.STRING)
    private ImageSource imageSource;

    private String imageTag;

    private String imageUri;

    private String natInstanceType;

    private boolean natSpot;

    private boolean fargateSpot;

    private int logRetentionDays;

    private String allowedCidrs;

    private Integer autoscaleMinTasks;

    private Integer autoscaleMaxTasks;

    private Integer autoscaleCpuTarget;

    @Column(name = "elevenlabs_key_pending")
    private String elevenLabsKeyPending;

    @Column(name = "elevenlabs_key_updated_at")
    private Instant elevenLabsKeyUpdatedAt;

    @Enumerated(EnumType.STRING)
    private EnvironmentState state;

    @Enumerated(EnumType.STRING)
    private EnvironmentPower power;

    private String failedStep;

    private String failureCode;

    private String failureMessage;

    // Bound as text and cast, so the JSON arrives exactly as CloudResources wrote it.
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private String resources;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant deletedAt;

    @Version
    private long version;

    protected Environment() {
    }

    Environment(long teamId, String cloudId, EnvironmentInput input, Instant now) {
        this.teamId = teamId;
        this.cloudId = cloudId;
        this.state = EnvironmentState.DRAFT;
        this.resources = CloudResources.NONE.toJson();
        this.createdAt = now;
        apply(input, now);
    }

    void apply(EnvironmentInput input, Instant now) {
        this.name = input.name();
        this.cloudAccountId = input.cloudAccountId();
        this.region = input.region();
        this.cpu = input.size().cpu();
        this.memoryMib = input.size().memoryMiB();
        this.architecture = input.architecture();
        this.imageSource = input.imageSource();
        this.imageTag = input.imageSource() == ImageSource.REPOSITORY ? input.imageTag() : null;
        this.imageUri = input.imageSource() == ImageSource.URI ? input.imageUri() : null;
        this.natInstanceType = input.natInstanceType();
        this.natSpot = input.natSpot();
        this.fargateSpot = input.fargateSpot();
        this.logRetentionDays = input.logRetentionDays();
        this.allowedCidrs = String.join(",", input.allowedCidrs());
        this.updatedAt = now;
    }

    /** Stores a newly entered ElevenLabs key (already encrypted) until a provisioning step hands it to the cloud. */
    void replaceElevenLabsKey(String sealedKey, Instant now) {
        this.elevenLabsKeyPending = sealedKey;
        this.elevenLabsKeyUpdatedAt = now;
    }

    /** The context a pending key is sealed with: binds the ciphertext to this environment. */
    public static String keyContext(long environmentId) {
        return "environment:" + environmentId + ":elevenlabs-api-key";
    }

    // --- for operations ---------------------------------------------------------------------------

    /** Moves along an allowed transition; anything else is a bug in the caller. */
    public void moveTo(EnvironmentState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("Environment " + id + " cannot move from " + state + " to " + target);
        }
        if (target != EnvironmentState.FAILED) {
            failedStep = null;
            failureCode = null;
            failureMessage = null;
        }
        if (target == EnvironmentState.DELETED) {
            deletedAt = now;
            power = null;
        }
        state = target;
        updatedAt = now;
    }

    /** FAILED, remembering which step failed and what the cloud said. */
    public void fail(String step, String code, String message, Instant now) {
        moveTo(EnvironmentState.FAILED, now);
        failedStep = step;
        failureCode = code;
        failureMessage = message;
    }

    public void setPower(EnvironmentPower power, Instant now) {
        this.power = power;
        this.updatedAt = now;
    }

    /**
     * Points the settings at another image (a deploy, a roll back), so the image the task runs and the one the settings
     * name stay the same and "Apply changes" keeps it; the caller audits the change with its operation.
     */
    public void chooseImage(ImageSource source, String tag, String uri, Instant now) {
        this.imageSource = source;
        this.imageTag = source == ImageSource.REPOSITORY ? tag : null;
        this.imageUri = source == ImageSource.URI ? uri : null;
        this.updatedAt = now;
    }

    public void recordResources(CloudResources found) {
        this.resources = found.toJson();
    }

    /** The pending key was handed to the cloud: the portal keeps no copy. */
    public void clearPendingElevenLabsKey() {
        this.elevenLabsKeyPending = null;
    }

    // --- reading ----------------------------------------------------------------------------------

    public EnvironmentSpec spec() {
        return new EnvironmentSpec(region, new FargateSize(cpu, memoryMib), architecture, imageSource, imageTag,
                imageUri, new NatSpec(natInstanceType, natSpot, 0), fargateSpot, logRetentionDays, cidrs(),
                autoscaling());
    }

    /** CPU autoscaling while on, or null: one task while on. */
    public TaskRange autoscaling() {
        return autoscaleMinTasks == null ? null
                : new TaskRange(autoscaleMinTasks, autoscaleMaxTasks, autoscaleCpuTarget);
    }

    /** Sets CPU autoscaling while on (null: one task); the cloud follows at the next start or stop. */
    public void setAutoscaling(TaskRange range, Instant now) {
        this.autoscaleMinTasks = range == null ? null : range.minTasks();
        this.autoscaleMaxTasks = range == null ? null : range.maxTasks();
        this.autoscaleCpuTarget = range == null ? null : range.cpuTargetPercent();
        this.updatedAt = now;
    }

    public CloudResources resources() {
        return CloudResources.fromJson(resources);
    }

    public List<String> cidrs() {
        return allowedCidrs == null || allowedCidrs.isBlank() ? List.of() : Arrays.asList(allowedCidrs.split(","));
    }

    public Long getId() {
        return id;
    }

    public long getTeamId() {
        return teamId;
    }

    public long getCloudAccountId() {
        return cloudAccountId;
    }

    /** The id the cloud knows this environment by (tags, resource names {@code mcp-<cloudId>}). */
    public String getCloudId() {
        return cloudId;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public FargateSize getSize() {
        return new FargateSize(cpu, memoryMib);
    }

    public Architecture getArchitecture() {
        return architecture;
    }

    public ImageSource getImageSource() {
        return imageSource;
    }

    public String getImageTag() {
        return imageTag;
    }

    public String getImageUri() {
        return imageUri;
    }

    public String getNatInstanceType() {
        return natInstanceType;
    }

    public boolean isNatSpot() {
        return natSpot;
    }

    public boolean isFargateSpot() {
        return fargateSpot;
    }

    public int getLogRetentionDays() {
        return logRetentionDays;
    }

    /** The sealed key waiting to be handed to the cloud, or null. */
    public String getElevenLabsKeyPending() {
        return elevenLabsKeyPending;
    }

    public boolean hasPendingElevenLabsKey() {
        return elevenLabsKeyPending != null;
    }

    public Instant getElevenLabsKeyUpdatedAt() {
        return elevenLabsKeyUpdatedAt;
    }

    public EnvironmentState getState() {
        return state;
    }

    public EnvironmentPower getPower() {
        return power;
    }

    public String getFailedStep() {
        return failedStep;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public String getFailureMessage() {
        return failureMessage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
