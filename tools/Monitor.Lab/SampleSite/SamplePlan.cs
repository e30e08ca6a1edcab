using System.Reflection;
using Monitor.Core.Plans;

namespace Monitor.Lab.SampleSite;

/// <summary>The demo's plan: the themes of Kon Tum's week-46/2024 guidance (pipeline/plans/kontum-2024-w46.sample.yaml, embedded).</summary>
public static class SamplePlan
{
    public static Plan Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("sample-plan.yaml")
            ?? throw new InvalidOperationException("sample-plan.yaml is not embedded in monitor");
        using var reader = new StreamReader(stream);
        var plan = PlanFile.Parse(reader.ReadToEnd(), "kontum-2024-w46.sample.yaml", json: false);
        plan.Id ??= "kontum-2024-w46";
        return plan;
    }
}
