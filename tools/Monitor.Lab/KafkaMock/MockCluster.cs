using System.Runtime.InteropServices;
using System.Text;
using Monitor.Kafka;

namespace Monitor.Lab.KafkaMock;

/// <summary>librdkafka's mock cluster: a Kafka-protocol broker set on loopback, started in this process, for
/// tests and <c>monitor bench kafka</c>. Other processes reach it through <see cref="BootstrapServers"/> for as
/// long as this object lives.</summary>
public sealed class MockCluster : IDisposable
{
    private readonly IntPtr _handle;
    private readonly IntPtr _cluster;
    private bool _disposed;

    private MockCluster(IntPtr handle, IntPtr cluster, int brokers)
    {
        _handle = handle;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("the mock cluster has no bootstrap address");
    }

    /// <summary>The address list clients connect to, e.g. "127.0.0.1:40123,127.0.0.1:40125,...".</summary>
    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers and creates Monitor's topics on it.</summary>
    public static MockCluster Start(int brokers = 3, int partitions = 6, KafkaOptions? topics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var errors = new byte[512];
        var conf = MockClusterNative.ConfNew();
        // The handle only owns the cluster's thread; keep its own logging quiet.
        MockClusterNative.ConfSet(conf, "log_level", "3", errors, (UIntPtr)errors.Length);
        var handle = MockClusterNative.New(MockClusterNative.ProducerType, conf, errors, (UIntPtr)errors.Length);
        if (handle == IntPtr.Zero)
        {
            throw new InvalidOperationException("rd_kafka_new failed: " + Encoding.UTF8.GetString(errors).TrimEnd('\0'));
        }

        var cluster = MockClusterNative.ClusterNew(handle, brokers);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.Destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }

        // A member that leaves is otherwise replaced only after the group's initial delay.
        MockClusterNative.GroupInitialRebalanceDelayMs(cluster, 0);
        var mock = new MockCluster(handle, cluster, brokers);
        topics ??= new KafkaOptions();
        foreach (var topic in new[] { topics.RawTopic, topics.TaggedTopic, topics.DeadLetterTopic })
        {
            mock.CreateTopic(topic, partitions);
        }

        return mock;
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor = 0) =>
        Check(MockClusterNative.TopicCreate(_cluster, topic, partitions, replicationFactor > 0 ? replicationFactor : Math.Min(3, Brokers)), "topic_create " + topic);

    /// <summary>Disconnects broker <paramref name="brokerId"/> (1-based) and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) => Check(MockClusterNative.BrokerSetDown(_cluster, brokerId), "broker_set_down");

    public void SetBrokerUp(int brokerId) => Check(MockClusterNative.BrokerSetUp(_cluster, brokerId), "broker_set_up");

    /// <summary>Takes every broker down (the whole cluster unreachable) or brings them all back.</summary>
    public void SetAllBrokers(bool up)
    {
        for (var id = 1; id <= Brokers; id++)
        {
            if (up)
            {
                SetBrokerUp(id);
            }
            else
            {
                SetBrokerDown(id);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        MockClusterNative.ClusterDestroy(_cluster);
        MockClusterNative.Destroy(_handle);
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"rd_kafka_mock_{what}: {Marshal.PtrToStringUTF8(MockClusterNative.ErrorString(error))}");
        }
    }
}
