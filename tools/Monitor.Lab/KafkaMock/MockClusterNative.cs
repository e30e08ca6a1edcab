using System.Runtime.InteropServices;

namespace Monitor.Lab.KafkaMock;

/// <summary>The few librdkafka C functions the mock cluster needs; Confluent.Kafka does not expose them.</summary>
internal static partial class MockClusterNative
{
    private const string Lib = "librdkafka";

    // The registry's librdkafka.redist ships three linux-x64 builds. Its plain librdkafka.so links libsasl2.so.3, which
    // Debian 12 lacks (it has .so.2), so Confluent.Kafka falls back to centos8-librdkafka.so (no Cyrus SASL). Load the
    // first of them that opens, in the order Confluent.Kafka tries them, so both sides run the same code.
    private static readonly string[] Candidates = ["librdkafka.so", "centos8-librdkafka.so"];

    static MockClusterNative() => NativeLibrary.SetDllImportResolver(typeof(MockClusterNative).Assembly, Resolve);

    private static IntPtr Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Lib)
        {
            return IntPtr.Zero;
        }

        var folders = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory }
            .Select(dir => Path.Combine(dir, "runtimes", "linux-x64", "native"));
        foreach (var path in folders.SelectMany(folder => Candidates.Select(file => Path.Combine(folder, file))))
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    public const int ProducerType = 0;

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(IntPtr conf, string name, string value, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_new")]
    public static partial IntPtr New(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_destroy")]
    public static partial void Destroy(IntPtr rk);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void ClusterDestroy(IntPtr cluster);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr ClusterBootstraps(IntPtr cluster);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TopicCreate(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int BrokerSetDown(IntPtr cluster, int brokerId);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int BrokerSetUp(IntPtr cluster, int brokerId);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void GroupInitialRebalanceDelayMs(IntPtr cluster, int delayMs);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_err2str")]
    public static partial IntPtr ErrorString(int error);
}
