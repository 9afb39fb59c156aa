using System.Text.Json;
using MarginRules.Analysis;

namespace MarginRules.Cli.Json;

/// <summary>Writes a liquidation-price search as JSON: the asset, what moved, and the boundary each way (or null).</summary>
internal static class LiquidationPriceJson
{
    /// <summary>Writes the result as an object named <c>liquidationPrice</c>.</summary>
    public static void Write(Utf8JsonWriter writer, LiquidationPriceResult result)
    {
        writer.WriteStartObject("liquidationPrice");
        writer.WriteString("asset", result.Asset);
        JsonText.Number(writer, "currentPrice", result.CurrentPrice);
        writer.WriteString("threshold", AssessmentJson.Name(result.Threshold));
        writer.WriteString("currentStatus", AssessmentJson.Name(result.CurrentStatus));
        writer.WriteBoolean("alreadyReached", result.AlreadyReached);
        writer.WriteStartArray("movingSymbols");
        foreach (var s in result.MovingSymbols) writer.WriteStringValue(s);
        writer.WriteEndArray();
        JsonText.Number(writer, "tick", result.Tick);
        JsonText.Number(writer, "lowestPriceSearched", result.LowestPriceSearched);
        JsonText.Number(writer, "highestPriceSearched", result.HighestPriceSearched);
        WriteBoundary(writer, "falling", result.Falling, result);
        WriteBoundary(writer, "rising", result.Rising, result);
        writer.WriteEndObject();
    }

    private static void WriteBoundary(Utf8JsonWriter writer, string name, LiquidationBoundary? boundary, LiquidationPriceResult result)
    {
        if (boundary == null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        JsonText.Number(writer, "price", boundary.Price);
        JsonText.Number(writer, "boundary", boundary.Boundary);
        writer.WriteString("statusBeyond", AssessmentJson.Name(boundary.StatusBeyond));
        writer.WriteStartObject("prices");
        foreach (var symbol in result.MovingSymbols) JsonText.Number(writer, symbol, boundary.Prices[symbol]);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
