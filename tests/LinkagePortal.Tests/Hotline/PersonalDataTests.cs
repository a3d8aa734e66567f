using LinkagePortal.Hotline;

namespace LinkagePortal.Tests.Hotline;

/// <summary>A summary may describe the problem with a project, never identify the caller.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("来电人身份证号654202199001011234，反映路面开裂", "身份证")]
    [InlineData("证件 65420219900101123X", "身份证")]
    [InlineData("证件 6542 0219 9001 0112 3x", "身份证")]
    [InlineData("回电13912345678", "手机")]
    [InlineData("回电 139-1234-5678", "手机")]
    [InlineData("回电１３９１２３４５６７８", "手机")]
    [InlineData("家里电话0992-8520186", "固定电话")]
    [InlineData("家里电话 09928520186", "固定电话")]
    [InlineData("家里电话 010-12345678", "固定电话")]
    public void Numbers_that_identify_a_caller_are_refused_with_what_they_look_like(string summary, string kind)
    {
        Assert.Contains(kind, PersonalData.Problem(summary));
    }

    [Theory]
    [InlineData("村民反映科克萨拉村道路路面开裂，施工单位未按期修复")]
    [InlineData("项目 654202-2024-010 金额 380 万元，2024年3月1日开工")]
    [InlineData("2024-03-01 10:15 来电，涉及 13 户 52 人")]
    [InlineData("合同价 1,380,000 元，已付 12345678 元")]
    public void Facts_about_a_project_pass(string summary)
    {
        Assert.Null(PersonalData.Problem(summary));
    }
}
