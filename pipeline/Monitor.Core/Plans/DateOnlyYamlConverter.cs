using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Monitor.Core.Plans;

/// <summary>YAML dates as ISO "YYYY-MM-DD".</summary>
internal sealed class DateOnlyYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(DateOnly) || type == typeof(DateOnly?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null")
        {
            return null;
        }

        return DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' không phải ngày dạng YYYY-MM-DD");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var text = value is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "null";
        emitter.Emit(new Scalar(text));
    }
}
