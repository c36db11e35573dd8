namespace InterfaceFirmware.Emulator
{
    /// <summary>Something on the board that draws supply current (for the power-source model).</summary>
    public interface ICurrentConsumer
    {
        /// <summary>Name for reports.</summary>
        string ConsumerName { get; }

        /// <summary>Present draw from the 5 V input, in mA (rough: enough to make a power bank's auto-off real).</summary>
        double CurrentMilliamps { get; }
    }
}
