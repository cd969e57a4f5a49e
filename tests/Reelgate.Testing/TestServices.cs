namespace Reelgate.Testing;

/// <summary>
/// The servers scripts/test-services.sh starts for the suite (scripts/test.sh always does): PostgreSQL and
/// an S3-compatible server (s3rver), named by environment variables. Tests that need one skip, with
/// <see cref="MissingReason"/>, when it is not given; they never pass silently.
/// </summary>
public static class TestServices
{
    public const string PostgresVariable = "REELGATE_TEST_POSTGRES";
    public const string S3UrlVariable = "REELGATE_TEST_S3_URL";

    /// <summary>An Npgsql connection string to a maintenance database of the server, or null.</summary>
    public static string? Postgres => Value(PostgresVariable);

    /// <summary>http://127.0.0.1:PORT of the S3-compatible server, or null.</summary>
    public static string? S3Url => Value(S3UrlVariable);

    public static string S3AccessKey => Value("REELGATE_TEST_S3_ACCESS_KEY") ?? "S3RVER";

    public static string S3SecretKey => Value("REELGATE_TEST_S3_SECRET_KEY") ?? "S3RVER";

    public static string MissingReason(string variable) =>
        $"{variable} is not set: this test needs the server it names (scripts/test.sh starts PostgreSQL and s3rver; " +
        "by hand: eval \"$(scripts/test-services.sh start)\")";

    /// <summary>A fresh bucket name, so tests never see each other's objects.</summary>
    public static string NewBucketName() => "reelgate-test-" + Guid.NewGuid().ToString("N")[..16];

    private static string? Value(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
