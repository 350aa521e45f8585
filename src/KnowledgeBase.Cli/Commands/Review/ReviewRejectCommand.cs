using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review reject &lt;entry-id&gt;... --db &lt;file&gt;</c>.</summary>
internal sealed class ReviewRejectCommand() : ReviewStatusCommand(CurationStatus.Rejected);
