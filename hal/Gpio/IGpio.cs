namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// The board's GPIO, opened by pin number from a board profile: buttons, jack detect and status
    /// lines as inputs with edge events, LEDs, enable lines and the keep-alive switch as outputs.
    /// Open each pin once, at start-up.
    /// </summary>
    public interface IGpio
    {
        /// <summary>Opens an input; <paramref name="pullUp"/> enables the internal pull-up (buttons to ground).</summary>
        IDigitalInput OpenInput(int pin, bool pullUp);

        /// <summary>Opens an output driven to <paramref name="initialLevel"/>.</summary>
        IDigitalOutput OpenOutput(int pin, bool initialLevel);
    }
}
