using System.ComponentModel.DataAnnotations;

namespace LowCode.Designer.Tickets;

/// <summary>The comment form on the ticket page (a public comment; internal ones come with the workspace).</summary>
public sealed class CommentInput
{
    [Required(ErrorMessage = "请填写评论 A comment needs text.")]
    [MaxLength(10_000, ErrorMessage = "评论最多 10,000 字 A comment is limited to 10,000 characters.")]
    public string Text { get; set; } = "";
}
