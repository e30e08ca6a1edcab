using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Directives.Outlets;

namespace Monitor.Directives.Parsing;

/// <summary>Builds a plan from directive text: header, themes with windows, units, outlets, references and
/// keywords, then quotas, events, deadlines and laws of the whole document.</summary>
internal sealed class PlanBuilder(OutletRegistry registry, DirectiveImportOptions options)
{
    public Plan Build(string text)
    {
        var paragraphs = BlockReader.Paragraphs(text);
        var footnotes = BlockReader.Footnotes(paragraphs);
        var documents = BlockReader.Documents(paragraphs);
        var main = documents.OrderByDescending(d => d.Count(p => BlockReader.ToBlock(p).IsHeading)).FirstOrDefault() ?? [];
        var directive = Header(documents, main);
        var province = registry.Province(text);
        var root = OutlineNode.Build(main.Select(BlockReader.ToBlock));
        var preamble = string.Join(" ", root.Children.TakeWhile(c => !c.Block.IsHeading).Select(c => c.Block.Text));
        var planWindow = WindowReader.ReadTitle(directive.Title) ?? WindowReader.Read(preamble, directive.Issued);
        var context = new BuildContext(registry, province, footnotes, directive.Issued ?? planWindow?.From);

        var sources = ThemeReader.Read(root);
        foreach (var source in sources)
        {
            context.Describe(source, planWindow);
        }

        var themes = sources.Select(s => s.Theme).ToList();
        var activities = context.LinkActivities(root, themes);
        context.ApplyOrganisation(root, themes);

        var plan = new Plan { Directive = directive, Themes = themes };
        plan.References = References(paragraphs, directive.Number);
        BuildContext.AttachTopicalReferences(plan.References, themes);
        plan.Quotas = Quotas(root, sources, activities, context);
        var year = context.Now?.Year ?? planWindow?.To?.Year ?? DateTime.MinValue.Year;
        var allText = string.Join("\n", documents.SelectMany(d => d));
        plan.Events = EventReader.Read(allText, year).DistinctBy(e => (e.Date, TextTools.Fold(e.Title))).ToList();
        plan.Deadlines = main.SelectMany(p => DeadlineReader.Read(TextTools.Clean(p))).ToList();
        plan.Laws = LawNameExtractor.Find(string.Join("\n", paragraphs)).Select(l => l.Name).Distinct(StringComparer.Ordinal).ToList();
        ScopeReader.Apply(plan, province);
        foreach (var source in sources)
        {
            var own = BuildContext.FullText(source.Node);
            var events = plan.Events.Where(e => TextTools.ContainsWords(TextTools.Fold(own), TextTools.Fold(e.Title)));
            source.Theme.Keywords = KeywordBuilder.Build(source.Theme, own, events);
            if (source.Theme.Scope is not null)
            {
                KeywordBuilder.AddEnumerated(source.Theme);
            }

            TopicContext.Apply(source.Theme);
            EventRules.Apply(source.Theme, own, events, context.Now);
            KeywordBuilder.Refine(source.Theme);
        }

        return plan;
    }

    private Directive Header(List<List<string>> documents, List<string> main)
    {
        var directive = documents.Count > 0 ? HeaderReader.Read(documents[0]) : new Directive();
        if (!ReferenceEquals(main, documents.FirstOrDefault()))
        {
            var plan = HeaderReader.Read(main);
            directive.Title = directive.Title.Length > 0 ? directive.Title : plan.Title;
            directive.Type ??= plan.Type;
            directive.Issuer ??= plan.Issuer;
        }

        if (options.Issued is { } issued)
        {
            directive.Issued = issued;
        }

        return directive;
    }

    private static List<DocumentReference> References(List<string> paragraphs, string? own)
    {
        var byNumber = new Dictionary<string, DocumentReference>(StringComparer.Ordinal);
        var order = new List<DocumentReference>();
        foreach (var p in paragraphs.Select(TextTools.Clean))
        {
            foreach (var m in DocumentReferenceExtractor.FindNumbers(p).Where(m => m.Number != own))
            {
                var described = ReferenceReader.Describe(p, m);
                if (byNumber.TryGetValue(m.Number, out var known))
                {
                    ReferenceReader.Merge(known, described);
                }
                else
                {
                    byNumber[m.Number] = described;
                    order.Add(described);
                }
            }
        }

        return order;
    }

    private List<Quota> Quotas(OutlineNode root, List<ThemeSource> sources, Dictionary<OutlineNode, Theme> activities, BuildContext context)
    {
        var themeOf = sources.ToDictionary(s => s.Node, s => s.Theme);
        var quotas = new List<Quota>();
        foreach (var node in root.Descendants())
        {
            foreach (var (count, unit, period, sentence) in QuotaReader.Read(node.Block.Text))
            {
                var outlets = registry.Find(sentence, context.Province);
                if (outlets.Count == 0 && node.Parent is { } parent)
                {
                    var lists = parent.Children.Select(c => UnitReader.LabelledList(c.Block.Text)).OfType<string>();
                    outlets = lists.SelectMany(l => registry.Find(l, context.Province)).Distinct(StringComparer.Ordinal).ToList();
                }

                var chain = node.Ancestors().Prepend(node).ToList();
                var theme = chain.Select(n => themeOf.GetValueOrDefault(n) ?? activities.GetValueOrDefault(n)).FirstOrDefault(t => t is not null);
                quotas.Add(new Quota { Theme = theme?.Code, Count = count, Unit = unit, Period = period, Outlets = outlets, Text = sentence });
            }
        }

        return quotas;
    }
}
