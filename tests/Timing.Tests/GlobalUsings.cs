global using NodaTime;
global using NodaTime.Text;
