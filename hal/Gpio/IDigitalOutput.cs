namespace InterfaceFirmware.Hal
{
    /// <summary>A digital output (LED, amplifier shutdown line, keep-alive load switch).</summary>
    public interface IDigitalOutput
    {
        /// <summary>The pin number on the board, for logs.</summary>
        int Pin { get; }

        /// <summary>The level last written (true = high).</summary>
        bool Level { get; }

        /// <summary>Drives the pin.</summary>
        void Write(bool level);
    }
}
