using Confluent.Kafka;

namespace Monitor.Kafka.Tests;

[Trait("Category", "Kafka")]
public sealed class LibrdkafkaTests
{
    [Fact]
    public void Confluent_kafka_loads_the_official_librdkafka_2_16_0_from_the_registry() =>
        Assert.Equal("2.16.0", KafkaNative.LibrdkafkaVersion);

    [Theory]
    [InlineData("SASL_SSL", "SCRAM-SHA-512")]
    [InlineData("SASL_SSL", "PLAIN")]
    [InlineData("SASL_PLAINTEXT", "SCRAM-SHA-256")]
    [InlineData("SSL", null)]
    public void The_built_librdkafka_accepts_the_security_settings_a_managed_cluster_asks_for(string protocol, string? mechanism)
    {
        // Setting builtin.features fails when the library lacks one of them (librdkafka's own feature check); a client
        // with the settings is then built for real.
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:9", SaslUsername = "monitor", SaslPassword = "secret" };
        config.Set("builtin.features", "ssl,sasl_plain,sasl_scram,sasl_oauthbearer,lz4,zstd,gzip,snappy");
        config.Set("security.protocol", protocol);
        if (mechanism is not null)
        {
            config.Set("sasl.mechanism", mechanism);
        }
        else
        {
            config.SaslUsername = null;
            config.SaslPassword = null;
        }

        using var producer = new ProducerBuilder<string, string>(config).Build();
        Assert.NotNull(producer.Name);
    }

    [Fact]
    public void Kerberos_is_the_one_security_feature_left_out_on_debian()
    {
        // The registry's plain librdkafka.so (with Cyrus SASL) needs libsasl2.so.3, which Debian 12 does not have, so
        // Confluent.Kafka loads the package's centos8 build, which has every other feature but GSSAPI.
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:9" };
        config.Set("builtin.features", "sasl_gssapi");
        var error = Assert.Throws<ArgumentException>(() => new ProducerBuilder<string, string>(config).Build());
        Assert.Contains("sasl_gssapi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_the_library_lacks_is_refused_by_name()
    {
        var config = new ProducerConfig { BootstrapServers = "127.0.0.1:9" };
        config.Set("builtin.features", "no_such_feature");
        var error = Assert.Throws<ArgumentException>(() => new ProducerBuilder<string, string>(config).Build());
        Assert.Contains("no_such_feature", error.Message, StringComparison.Ordinal);
    }
}

[Trait("Category", "Kafka")]
public sealed class CompressionTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    [InlineData("snappy")]
    [InlineData("lz4")]
    [InlineData("zstd")]
    public async Task Every_compression_the_settings_accept_is_produced_and_read_back(string compression)
    {
        using var bed = await Support.KafkaTestBed.StartAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new KafkaOptions { BootstrapServers = bed.Cluster.BootstrapServers, Compression = compression });
        Assert.Empty(new KafkaOptionsValidator().Validate(null, options.Value).Failures ?? []);
        using var producer = new KafkaProducer(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<KafkaProducer>.Instance);
        var value = string.Concat(Enumerable.Repeat("Phòng ngừa ngộ độc thực phẩm. ", 200));
        await producer.SendAsync("monitor.articles.raw", new Message<string, string> { Key = compression, Value = value }, CancellationToken.None);

        var read = Assert.Single(bed.ReadAll("monitor.articles.raw", 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(value, read.Message.Value);
    }
}
