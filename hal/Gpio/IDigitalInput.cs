namespace InterfaceFirmware.Hal
{
    /// <summary>Called on every edge of a digital input, with the level after the edge.</summary>
    /// <remarks>
    /// On the device this runs on the GPIO event thread: handlers only record the event
    /// (the firmware enqueues it into a preallocated queue) and never touch the chips.
    /// </remarks>
    public delegate void DigitalEdgeHandler(IDigitalInput input, bool level);

    /// <summary>A digital input (button, jack detect, status line) with edge events.</summary>
    public interface IDigitalInput
    {
        /// <summary>The pin number on the board, for logs.</summary>
        int Pin { get; }

        /// <summary>The current electrical level (true = high).</summary>
        bool Read();

        /// <summary>Raised on rising and falling edges. Raw: contact bounce is the firmware's business.</summary>
        event DigitalEdgeHandler Edge;
    }
}
