using System.CommandLine;

namespace Monitor.Host.Cli;

/// <summary>The bus a role runs on: the embedded SQLite queue (default) or Kafka.</summary>
internal static class BusOptions
{
    public const string Embedded = "embedded";
    public const string Kafka = "kafka";

    public static Option<string> Bus()
    {
        var option = new Option<string>("--bus")
        {
            Description = "Hàng đợi: embedded (SQLite, mặc định) hoặc kafka.",
            DefaultValueFactory = _ => Embedded,
        };
        option.AcceptOnlyFromAmong(Embedded, Kafka);
        return option;
    }

    public static Option<string?> BootstrapServers() => new("--bootstrap-servers")
    {
        Description = "Danh sách broker Kafka HOST:PORT,... (khi --bus kafka). Mặc định: Monitor__Kafka__BootstrapServers.",
    };
}
